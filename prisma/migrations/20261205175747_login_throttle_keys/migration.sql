-- The throttle keeps failures per username and, from now on, per client address: one table with a typed key.
ALTER TABLE "LoginThrottle" RENAME COLUMN "username" TO "key";
UPDATE "LoginThrottle" SET "key" = 'user:' || "key";
