const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque UUIDs; anything else cannot exist, and is answered like an id that does not. */
export const isId = (value: string): boolean => UUID.test(value);
