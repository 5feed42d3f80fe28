'use strict';
// The offline Forge linter never logs in; anything that tries to read credentials learns why it cannot.
const unavailable = () =>
  Promise.reject(new Error('keytar is not installed: Triage Lens runs the Forge linters offline only'));
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findCredentials: unavailable,
  findPassword: unavailable,
};
