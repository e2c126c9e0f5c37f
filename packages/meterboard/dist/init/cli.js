#!/usr/bin/env node
export {};
//# sourceMappingURL=cli.js.map