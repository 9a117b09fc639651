// Node has the WebAssembly global, but @types/node 20 does not declare it; just what migrations.ts uses.
declare namespace WebAssembly {
  type ModuleImports = Record<string, unknown>;
  type Exports = Record<string, unknown>;
  type Module = object;
  class Instance {
    constructor(module: Module, imports: Record<string, ModuleImports>);
    readonly exports: Exports;
  }
  function compile(bytes: Uint8Array): Promise<Module>;
}
