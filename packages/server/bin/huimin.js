#!/usr/bin/env node
// The `huimin` command (npx huimin …); the compiled CLI lives in dist/, built by `npm install`.
import '../dist/cli/huimin.js';
