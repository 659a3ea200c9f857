// Stands in for whatwg-url in the build (scripts/build.mjs): node-fetch reads `Url.URL || whatwgUrl.URL`,
// and Node's own URL always wins.
module.exports = { URL: require("node:url").URL };
