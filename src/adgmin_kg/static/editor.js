// adgmin-kg SPARQL editor: YASGUI (static/yasgui.min.js) on this server's /sparql.
// Nothing is fetched from anywhere else: the prefix look-up service (prefix.cc) and the class
// and property look-ups (LOV) are off; prefixes complete from the model's own list, which the
// page carries in <script id="prefixes" type="application/json">.
"use strict";

(function () {
  const prefixes = JSON.parse(document.getElementById("prefixes").textContent);
  const root = document.getElementById("yasgui");
  const endpoint = window.location.origin + "/sparql";
  const Yasqe = Yasgui.Yasqe;

  // the model's prefixes, as the prefix completer offers them ("meeting: <...>")
  Yasqe.forkAutocompleter("prefixes", {
    name: "model-prefixes",
    persistenceId: null,
    get: () => Promise.resolve(Object.keys(prefixes).sort().map((p) => p + ": <" + prefixes[p] + ">")),
  }, false);
  const local = ["variables", "model-prefixes"];  // no "prefixes" (prefix.cc), "class" or "property" (LOV)
  Yasqe.defaults.autocompleters = local;

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    copyEndpointOnNewTab: true,
    persistenceId: null,          // nothing kept in localStorage: every visit starts afresh
    populateFromUrl: true,
    corsProxy: undefined,
    yasqe: { value: root.dataset.query, prefixCcApi: undefined, autocompleters: local, persistenceId: null },
    yasr: { prefixes: prefixes, persistenceId: null },
  });
  window.adgminYasgui = yasgui;  // for the browser test
})();
