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
 *   showFlag / closeFlag -> an Atlaskit-looking flag on the host page (bottom left, as in Jira)
 *   refresh       -> asks the workbench issue view to re-read the issue (view.refresh())
 *   navigate, reload -> small local equivalents
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
    var projectKey = params.get('projectKey');
    if (projectKey) query.set('projectKey', projectKey);
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

  /**
   * Jira shows flags on the host page, not inside the app's iframe: the workbench issue view is
   * served from the same origin, so the flag goes there (or into this page when it stands alone).
   */
  function hostDocument() {
    try {
      if (window.parent && window.parent !== window && window.parent.document) return window.parent.document;
    } catch (e) {
      // another origin: keep the flag in this page
    }
    return document;
  }

  /** Atlaskit's flag colours per type (icon) and the bold appearance's background. */
  var FLAG_COLOURS = {
    success: 'var(--ds-icon-success,#22a06b)',
    error: 'var(--ds-icon-danger,#c9372c)',
    warning: 'var(--ds-icon-warning,#e56910)',
    info: 'var(--ds-icon-information,#1d7afc)',
  };
  var FLAG_ICONS = { success: '\u2714', error: '\u2716', warning: '!', info: 'i' };

  function flagGroup(doc) {
    var group = doc.querySelector('[data-testid="workbench-flags"]');
    if (group) return group;
    group = doc.createElement('div');
    group.setAttribute('data-testid', 'workbench-flags');
    group.setAttribute('aria-live', 'polite');
    group.style.cssText =
      'position:fixed;left:24px;bottom:24px;display:flex;flex-direction:column-reverse;gap:8px;' +
      'width:400px;max-width:calc(100vw - 48px);z-index:600';
    doc.body.appendChild(group);
    return group;
  }

  function showFlag(options) {
    var doc = hostDocument();
    var type = FLAG_COLOURS[options.type] ? options.type : 'info';
    var box = doc.createElement('div');
    box.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    box.setAttribute('data-testid', 'workbench-flag');
    box.setAttribute('data-flag-type', type);
    box.style.cssText =
      'display:flex;gap:16px;padding:16px;border-radius:3px;' +
      'box-shadow:var(--ds-shadow-overlay,0 8px 12px rgba(9,30,66,.15),0 0 1px rgba(9,30,66,.31));' +
      'background:var(--ds-surface-overlay,#fff);color:var(--ds-text,#172b4d);' +
      'font:14px/20px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans",Ubuntu,sans-serif';
    var icon = doc.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = FLAG_ICONS[type];
    icon.style.cssText =
      'flex:none;width:20px;height:20px;border-radius:50%;color:#fff;font-size:12px;font-weight:700;' +
      'line-height:20px;text-align:center;background:' +
      FLAG_COLOURS[type];
    var body = doc.createElement('div');
    body.style.cssText = 'flex:1;min-width:0;overflow-wrap:anywhere';
    var title = doc.createElement('div');
    title.setAttribute('data-testid', 'workbench-flag-title');
    title.style.cssText = 'font-weight:653';
    title.textContent = options.title || '';
    body.appendChild(title);
    if (options.description) {
      var description = doc.createElement('div');
      description.setAttribute('data-testid', 'workbench-flag-description');
      description.style.cssText = 'margin-top:4px';
      description.textContent = options.description;
      body.appendChild(description);
    }
    var actions = Array.isArray(options.actions) ? options.actions : [];
    if (actions.length > 0) {
      var row = doc.createElement('div');
      row.style.cssText = 'display:flex;gap:16px;margin-top:8px';
      actions.forEach(function (action, i) {
        var button = doc.createElement('button');
        button.type = 'button';
        button.setAttribute('data-testid', 'workbench-flag-action-' + i);
        button.textContent = action.text || '';
        button.style.cssText =
          'border:0;background:none;padding:0;font:inherit;font-weight:500;cursor:pointer;' +
          'color:var(--ds-link,#0c66e4)';
        button.addEventListener('click', function () {
          closeFlag({ id: options.id });
          if (typeof action.onClick === 'function') action.onClick();
        });
        row.appendChild(button);
      });
      body.appendChild(row);
    }
    var close = doc.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.setAttribute('data-testid', 'workbench-flag-close');
    close.textContent = '\u00d7';
    close.style.cssText =
      'flex:none;align-self:flex-start;border:0;background:none;padding:0 4px;font-size:18px;' +
      'line-height:20px;cursor:pointer;color:var(--ds-icon-subtle,#626f86)';
    close.addEventListener('click', function () {
      closeFlag({ id: options.id });
    });
    box.appendChild(icon);
    box.appendChild(body);
    box.appendChild(close);
    closeFlag({ id: options.id }); // an id shows once, as in Jira
    flagGroup(doc).appendChild(box);
    flags[options.id] = box;
    if (options.isAutoDismiss === true) {
      // Atlaskit's auto-dismiss delay.
      setTimeout(function () {
        if (flags[options.id] === box) closeFlag({ id: options.id });
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

  /**
   * view.refresh(): the host re-reads the issue it shows. The workbench issue view listens for
   * this message from its own origin and re-reads the issue without reloading the page.
   */
  function refresh() {
    var parent = window.parent;
    if (!parent || parent === window) return Promise.resolve(false);
    parent.postMessage({ type: 'triage-lens:view-refresh', app: app }, window.location.origin || '*');
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
    refresh: refresh,
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
