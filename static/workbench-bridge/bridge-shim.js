/*
 * Workbench stand-in for the Forge host bridge.
 *
 * @forge/bridge (unmodified, bundled in the Custom UI apps) calls
 * `window.__bridge.callBridge(name, payload)` for everything it does. On Forge the host product
 * answers; in the local workbench this file answers by talking to the workbench server:
 *   invoke        -> POST /__workbench/invoke
 *   getContext    -> GET  /__workbench/context?app=&issueKey=&theme=&locale=
 *   enableTheming -> sets the html theme attributes the way the host does
 *   fetchProduct  -> /__workbench/jira/<restPath> (requestJira)
 *   showFlag / closeFlag, navigate, reload -> small local equivalents
 * The workbench serves this file verbatim as the first element of <head>, before the app bundle
 * runs, because @forge/bridge looks the bridge up when its modules load.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var appMatch = /\/apps\/([^/]+)/.exec(window.location.pathname);
  var app = appMatch ? decodeURIComponent(appMatch[1]) : params.get('app') || 'issue-panel';
  var issueKey = params.get('issueKey');
  var theme = params.get('theme');
  var locale = params.get('locale');

  var contextPromise = null;

  function contextUrl() {
    var query = new URLSearchParams({ app: app });
    if (issueKey) query.set('issueKey', issueKey);
    if (theme) query.set('theme', theme);
    if (locale) query.set('locale', locale);
    return '/__workbench/context?' + query.toString();
  }

  /** Reads a JSON body; a non-JSON error page becomes a readable message, not a parse error. */
  function readJson(response) {
    return response.text().then(function (text) {
      var body = null;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch (e) {
        body = null;
      }
      if (!response.ok) {
        var message =
          body && typeof body.message === 'string'
            ? body.message
            : 'The workbench answered ' + response.status + ' ' + response.statusText;
        var error = new Error(message);
        error.status = response.status;
        throw error;
      }
      return body;
    });
  }

  function getContext() {
    if (!contextPromise) {
      contextPromise = fetch(contextUrl(), { credentials: 'same-origin' })
        .then(readJson)
        .catch(function (error) {
          contextPromise = null; // let a later call retry
          throw error;
        });
    }
    return contextPromise;
  }

  function invoke(payload) {
    return getContext()
      .catch(function () {
        return null;
      })
      .then(function () {
        return fetch('/__workbench/invoke', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            functionKey: payload.functionKey,
            payload: payload.payload === undefined ? {} : payload.payload,
            context: issueKey ? { app: app, issueKey: issueKey } : { app: app },
          }),
        });
      })
      .then(readJson);
  }

  /** Like the host: theme attributes on <html> so @atlaskit/tokens CSS applies the right mode. */
  function enableTheming() {
    return getContext().then(function (context) {
      var mode = (context && context.theme && context.theme.colorMode) || theme || 'light';
      mode = mode === 'dark' ? 'dark' : 'light';
      var root = document.documentElement;
      root.setAttribute('data-color-mode', mode);
      root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
      root.style.colorScheme = mode;
      return undefined;
    });
  }

  function fetchProduct(payload) {
    var init = payload.fetchRequestInit || {};
    var headers = {};
    (init.headers || []).forEach(function (pair) {
      headers[pair[0]] = pair[1];
    });
    var restPath = String(payload.restPath || '');
    if (restPath.charAt(0) !== '/') restPath = '/' + restPath;
    return fetch('/__workbench/jira' + restPath, {
      method: init.method || 'GET',
      headers: headers,
      body: init.body == null ? undefined : init.body,
      credentials: 'same-origin',
    }).then(function (response) {
      return response.text().then(function (body) {
        var responseHeaders = {};
        response.headers.forEach(function (value, name) {
          responseHeaders[name] = value;
        });
        return {
          body: body,
          headers: responseHeaders,
          status: response.status,
          statusText: response.statusText,
          isAttachment: false,
        };
      });
    });
  }

  var flags = Object.create(null);

  function showFlag(options) {
    var box = document.createElement('div');
    box.setAttribute('role', options.type === 'error' ? 'alert' : 'status');
    box.setAttribute('data-testid', 'workbench-flag');
    box.style.cssText =
      'position:fixed;right:12px;bottom:12px;max-width:320px;padding:12px 16px;border-radius:4px;' +
      'box-shadow:0 4px 8px rgba(9,30,66,.25);background:var(--ds-surface-overlay,#fff);' +
      'color:var(--ds-text,#172b4d);font:14px/20px system-ui,sans-serif;z-index:1000';
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    var description = document.createElement('div');
    description.textContent = options.description || '';
    box.appendChild(title);
    box.appendChild(description);
    document.body.appendChild(box);
    flags[options.id] = box;
    if (options.isAutoDismiss !== false) {
      setTimeout(function () {
        closeFlag({ id: options.id });
      }, 8000);
    }
    return Promise.resolve(true);
  }

  function closeFlag(payload) {
    var box = flags[payload.id];
    if (box && box.parentNode) box.parentNode.removeChild(box);
    delete flags[payload.id];
    return Promise.resolve(true);
  }

  function navigate(payload) {
    var target = typeof payload.url === 'string' ? payload.url : '/';
    if (payload.type === 'new-tab') window.open(target, '_blank', 'noopener');
    else (window.top || window).location.assign(target);
    return Promise.resolve(true);
  }

  var handlers = {
    invoke: invoke,
    getContext: getContext,
    enableTheming: enableTheming,
    fetchProduct: fetchProduct,
    showFlag: showFlag,
    closeFlag: closeFlag,
    navigate: navigate,
    reload: function () {
      window.location.reload();
      return Promise.resolve(true);
    },
    emitReadyEvent: function () {
      return Promise.resolve(true);
    },
    getFrameId: function () {
      return Promise.resolve(app);
    },
    // Events and realtime have no other parties in the workbench: accept and do nothing.
    emit: function () {
      return Promise.resolve(undefined);
    },
    on: function () {
      return Promise.resolve({ unsubscribe: function () {} });
    },
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : null;
      if (!handler) {
        return Promise.reject(new Error('The workbench bridge does not support "' + name + '".'));
      }
      try {
        return Promise.resolve(handler(payload || {}));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
})();
