// The script at the top of every HTML page a preview serves — its one copy. The dev server
// serves and injects it itself, on every sandbox driver (the launcher's reporter plugin,
// lib/sandbox/local/preview-reporter.mjs, handed this rendering by `devServerReporterEnv`); the
// local gateway serves it too and injects it into any page that arrives without it. It tells the
// studio (window.parent, only at the studio's origin) what happens inside the frame, in the
// shape of lib/preview/schemas.ts `previewMessageSchema`:
// - "loading" when the page starts, "render-ok" once the app has put something on screen with no
//   error first (the studio keeps a status card over the frame until then: never a blank frame);
// - "error" for runtime errors (window error and unhandledrejection, including React render
//   errors, which React reports through window.reportError) and build errors: Vite's dev server
//   pushes those over its HMR websocket as { type: "error", err }, and a classic script cannot use
//   import.meta.hot, so the script wraps window.WebSocket before Vite's client module creates its
//   socket and listens to that socket's messages. A module that fails to load (a transform error
//   on first load, before the socket is up) is caught as a resource error on its <script>, and the
//   dev server's answer for that module is fetched to get the message.
// - "blank" when, after an error, the app shows nothing (the studio then covers the frame);
// - "hmr" for Vite's updates, and when its socket drops (the dev server restarted).
// After a hot update that follows an error, an app that stays empty is reloaded once: a root that
// React unmounted after an uncaught error is not brought back by Fast Refresh.

import { PREVIEW_MESSAGE_SOURCE } from "../schemas";

export const CLIENT_SCRIPT_PATH = "/__pagecraft/preview-client.js";

/** The variable the dev-server launcher reads its reporter from (lib/sandbox/local/preview-reporter.mjs). */
export const REPORTER_ENV = "PAGECRAFT_PREVIEW_REPORTER";

/**
 * What a sandbox's dev-server process gets in its environment so that it serves this script at
 * CLIENT_SCRIPT_PATH and puts it first in every HTML page — rendered here, in the studio, so the
 * script never goes stale inside a template image.
 */
export function devServerReporterEnv(studioOrigin: string): Record<string, string> {
  return {
    [REPORTER_ENV]: JSON.stringify({ path: CLIENT_SCRIPT_PATH, script: renderClientScript(studioOrigin) }),
  };
}

export function renderClientScript(studioOrigin: string): string {
  return `(function () {
  "use strict";
  if (window.__pagecraftPreview) return;
  window.__pagecraftPreview = true;
  var TARGET = ${JSON.stringify(studioOrigin)};
  var SOURCE = ${JSON.stringify(PREVIEW_MESSAGE_SOURCE)};
  var parentWindow = window.parent !== window ? window.parent : null;
  var errored = false;
  var renderedOnce = false;

  function post(message) {
    if (!parentWindow) return;
    message.source = SOURCE;
    try { parentWindow.postMessage(message, TARGET); } catch (e) {}
  }

  function projectPath(value) {
    if (!value) return null;
    var text = String(value);
    try {
      var url = new URL(text, location.href);
      if (url.origin === location.origin) text = url.pathname;
    } catch (e) {}
    text = text.split("?")[0];
    var at = text.lastIndexOf("/src/");
    if (at >= 0) return text.slice(at + 1);
    return text.replace(/^\\/+/, "") || null;
  }

  function fromStack(stack) {
    if (!stack) return null;
    var lines = String(stack).split("\\n");
    for (var i = 0; i < lines.length; i++) {
      var m = /(https?:\\/\\/[^\\s)]+?):(\\d+):(\\d+)/.exec(lines[i]);
      if (m && m[1].indexOf("/src/") >= 0) return { file: projectPath(m[1]), line: +m[2], column: +m[3] };
    }
    return null;
  }

  function report(kind, message, file, line, column, stack) {
    errored = true;
    post({
      type: "error",
      kind: kind,
      message: String(message || "Unknown error").slice(0, 4000),
      file: file || null,
      line: typeof line === "number" && line > 0 ? line : null,
      column: typeof column === "number" && column > 0 ? column : null,
      stack: stack ? String(stack).slice(0, 4000) : null
    });
    setTimeout(function () { if (errored && !hasContent()) post({ type: "blank" }); }, 150);
  }

  function reportRuntime(error, fallbackMessage, filename, lineno, colno) {
    var stack = error && error.stack;
    var at = fromStack(stack) || { file: projectPath(filename), line: lineno, column: colno };
    var message = (error && error.message) || fallbackMessage || String(error);
    report("runtime", message, at.file, at.line, at.column, stack);
  }

  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && (target.tagName === "SCRIPT" || target.tagName === "LINK")) {
      var src = target.src || target.href;
      // Vite answers a module it cannot transform with the error text; fetch it to say why.
      fetch(src, { credentials: "include" }).then(function (response) {
        return response.ok ? null : response.text();
      }).catch(function () { return null; }).then(function (text) {
        var message = text && text.length < 4000 && !/^\\s*</.test(text) ? text : "Failed to load " + projectPath(src);
        report("build", message, projectPath(src), null, null, null);
      });
      return;
    }
    reportRuntime(event.error, event.message, event.filename, event.lineno, event.colno);
  }, true);

  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    reportRuntime(reason, reason && reason.message ? reason.message : "Unhandled promise rejection: " + String(reason));
  });

  function appRoot() { return document.getElementById("root") || document.body; }
  function hasContent() {
    var root = appRoot();
    if (!root) return false;
    for (var i = 0; i < root.children.length; i++) {
      var tag = root.children[i].tagName;
      if (tag !== "SCRIPT" && tag !== "VITE-ERROR-OVERLAY" && tag !== "STYLE") return true;
    }
    return false;
  }

  function checkRendered() {
    if (renderedOnce || errored || !hasContent()) return false;
    renderedOnce = true;
    // A timer, not requestAnimationFrame: a frame the studio keeps covered may not be painted.
    setTimeout(function () {
      if (!errored) post({ type: "render-ok", href: location.pathname });
    }, 0);
    return true;
  }

  post({ type: "loading", href: location.pathname });
  var observer = new MutationObserver(function () { if (checkRendered()) observer.disconnect(); });
  function observe() {
    if (checkRendered()) return;
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", observe);
  else observe();

  function afterUpdate() {
    var hadError = errored;
    errored = false;
    setTimeout(function () {
      if (errored) return;
      if (hasContent()) post({ type: "render-ok", href: location.pathname });
      else if (hadError) location.reload();
    }, 250);
  }

  // An edit to index.html's <head> alone (the title, the description — AI edits often change them
  // with the headline) makes Vite reload the page, losing its state. Instead, when the new page's
  // <body> is what was served, the head is updated in place and the reload is skipped.
  var servedBody = null;
  function bodyOf(html) {
    var m = /<body[^>]*>([\\s\\S]*)<\\/body>/i.exec(html);
    // Vite stamps modules it hot-updated (?t=…) in the HTML it serves afterwards.
    return m ? m[1].replace(/([?&])t=\\d+&?/g, "$1").replace(/[?&]"/g, '"').trim() : null;
  }
  function fetchPage() {
    return fetch(location.pathname + location.search, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; });
  }
  window.addEventListener("load", function () {
    fetchPage().then(function (html) {
      servedBody = html ? bodyOf(html) : null;
      window.__pagecraftPreviewBaseline = servedBody !== null;
    }).catch(function () {});
  });
  /** Vite 8 sends { path: "*", triggeredBy: "<root>/index.html" }; older ones { path: "/index.html" }. */
  function isIndexHtml(data) {
    var file = String(data.triggeredBy || data.path || "");
    return /(^|\\/)index\\.html$/.test(file) && /\\/$|\\/index\\.html$/.test(location.pathname);
  }
  function refreshHeadOrReload() {
    fetchPage().then(function (html) {
      if (!html || bodyOf(html) !== servedBody) return location.reload();
      var next = new DOMParser().parseFromString(html, "text/html");
      document.title = next.title;
      var lang = next.documentElement.getAttribute("lang");
      if (lang) document.documentElement.setAttribute("lang", lang);
      ["description", "theme-color"].forEach(function (name) {
        var incoming = next.querySelector('meta[name="' + name + '"]');
        var current = document.querySelector('meta[name="' + name + '"]');
        if (incoming && current) current.setAttribute("content", incoming.getAttribute("content") || "");
      });
      var icon = next.querySelector('link[rel="icon"]');
      var currentIcon = document.querySelector('link[rel="icon"]');
      if (icon && currentIcon) currentIcon.setAttribute("href", icon.getAttribute("href") || "");
      post({ type: "hmr", event: "update" });
    }).catch(function () { location.reload(); });
  }

  function watchViteSocket(socket) {
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (!data || typeof data.type !== "string") return;
      if (data.type === "connected") post({ type: "hmr", event: "connected" });
      else if (data.type === "update") { post({ type: "hmr", event: "update" }); afterUpdate(); }
      else if (data.type === "full-reload") {
        if (isIndexHtml(data) && servedBody !== null) {
          // Hold the reload until we know whether only <head> changed.
          event.stopImmediatePropagation();
          refreshHeadOrReload();
          return;
        }
        post({ type: "hmr", event: "full-reload" });
      }
      else if (data.type === "error" && data.err) {
        var err = data.err;
        var loc = err.loc || {};
        var message = err.message || "Build error";
        if (err.frame) message += "\\n" + err.frame;
        report("build", message, projectPath(loc.file || err.id), loc.line, loc.column, err.stack);
      }
    });
    socket.addEventListener("close", function () { post({ type: "hmr", event: "disconnected" }); });
  }

  var NativeWebSocket = window.WebSocket;
  if (NativeWebSocket) {
    var Wrapped = function WebSocket(url, protocols) {
      var socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
      var list = Array.isArray(protocols) ? protocols : [protocols];
      if (list.indexOf("vite-hmr") >= 0) watchViteSocket(socket);
      return socket;
    };
    Wrapped.prototype = NativeWebSocket.prototype;
    ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) { Wrapped[name] = NativeWebSocket[name]; });
    window.WebSocket = Wrapped;
  }
})();
`;
}
