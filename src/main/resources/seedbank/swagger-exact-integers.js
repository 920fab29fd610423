// seedbank: show 64-bit seeds exactly. Swagger UI pretty-prints a JSON response body with
// JSON.stringify(JSON.parse(text)), which rounds integers beyond 2^53: 2^64-1 would show as
// 18446744073709552000. Response texts of API calls (never the OpenAPI document) are parsed
// with JSON.rawJSON for such integers, so the page shows the digits the server sent.
// Browsers without JSON.rawJSON keep Swagger UI's behaviour.
(function () {
  var texts = new Set();
  window.seedbankResponseInterceptor = function (response) {
    if (response && typeof response.text === 'string' && !/\/v3\/api-docs/.test(response.url || '')) {
      texts.add(response.text);
      if (texts.size > 20) {
        texts.delete(texts.values().next().value);
      }
    }
    return response;
  };
  if (typeof JSON.rawJSON !== 'function') {
    return;
  }
  var parse = JSON.parse;
  var exact = function (key, value, context) {
    var unsafe = typeof value === 'number' && !Number.isSafeInteger(value);
    return (unsafe && context && /^-?[0-9]+$/.test(context.source)) ? JSON.rawJSON(context.source) : value;
  };
  JSON.parse = function (text, reviver) {
    if (reviver === undefined && typeof text === 'string' && texts.has(text)) {
      return parse(text, exact);
    }
    return parse.apply(JSON, arguments);
  };
})();
