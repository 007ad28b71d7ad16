// The userland punycode package by its ES module file: the bare name `punycode` would resolve to
// Node's deprecated built-in in Node and to nothing in the browser.
declare module 'punycode/punycode.es6.js' {
  export { toUnicode, toASCII } from 'punycode';
}
