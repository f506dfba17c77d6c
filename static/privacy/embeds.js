/* Placeholders for maps and videos (templates/privacy/embed.html).
 *
 * Nothing from another host is loaded here: the frames are our own documents (/einbettung/...),
 * and only their responses name the tile or video host in their Content-Security-Policy, and
 * only with consent. "Karte laden"/"Video laden" posts a one-time consent into a new frame;
 * "consent:change" (consent.js) shows or removes frames as the stored choice changes.
 */
(function () {
  "use strict";

  var counter = 0;

  function createFrame(embed, name) {
    var frame = document.createElement("iframe");
    frame.className = "embed-frame";
    frame.title = embed.getAttribute("data-embed-title");
    frame.setAttribute("allow", "fullscreen");
    if (name) {
      frame.name = name;
    }
    embed.insertBefore(frame, embed.firstChild);
    return frame;
  }

  function loadOnce(embed) {
    var old = embed.querySelector(".embed-frame");
    if (old) {
      old.remove();
    }
    counter += 1;
    var frame = createFrame(embed, "embed-frame-" + counter);
    var post = document.createElement("form");
    post.method = "post";
    post.action = embed.getAttribute("data-embed-src");
    post.target = frame.name;
    post.hidden = true;
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "einmalig";
    field.value = embed.getAttribute("data-service");
    post.appendChild(field);
    document.body.appendChild(post);
    post.submit();
    window.setTimeout(function () {
      post.remove();
    }, 0);
    return frame;
  }

  function show(embed) {
    var frame = embed.querySelector(".embed-frame");
    if (!frame) {
      frame = createFrame(embed);
      frame.src = embed.getAttribute("data-embed-src");
    }
    embed.querySelector(".embed-placeholder").hidden = true;
    return frame;
  }

  function hide(embed) {
    var frame = embed.querySelector(".embed-frame");
    if (frame) {
      frame.remove();
    }
    embed.querySelector(".embed-placeholder").hidden = false;
  }

  document.querySelectorAll("[data-embed]").forEach(function (embed) {
    var button = embed.querySelector("[data-embed-load]");
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = loadOnce(embed);
      embed.querySelector(".embed-placeholder").hidden = true;
      frame.focus();
    });
  });

  document.addEventListener("consent:change", function (event) {
    var allowed = event.detail.allowed;
    var source = event.detail.source;
    document.querySelectorAll("[data-embed]").forEach(function (embed) {
      if (allowed.indexOf(embed.getAttribute("data-service")) === -1) {
        hide(embed);
        return;
      }
      var hadFocus = source && embed.contains(source);
      var frame = show(embed);
      if (hadFocus) {
        frame.focus();
      }
    });
  });
})();
