// Configuration page of the overview tab: the person pastes the signed overview link the bot gave them in
// chat; the tab then opens that overview. In a channel the tab's contentUrl is saved with pages.config;
// as a personal tab (no configuration in Teams) the page simply opens the tab page.
(function () {
  'use strict';
  var form = document.getElementById('overview-config');
  var input = document.getElementById('overview-link');
  var error = document.getElementById('overview-link-error');
  var teams = window.microsoftTeams;
  var inSettings = false;

  function tabUrl() {
    var url;
    try {
      url = new URL(input.value.trim());
    } catch (e) {
      return null;
    }
    var token = url.searchParams.get('token');
    if (url.origin !== window.location.origin || url.pathname.indexOf('/overview') !== 0 || !token) {
      return null;
    }
    return window.location.origin + '/overview/tab?token=' + encodeURIComponent(token);
  }

  function check() {
    var ok = tabUrl() !== null;
    error.hidden = ok || input.value.trim() === '';
    input.setAttribute('aria-invalid', ok ? 'false' : 'true');
    if (inSettings) {
      teams.pages.config.setValidityState(ok);
    }
    return ok;
  }

  input.addEventListener('input', check);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!check()) {
      error.hidden = false;
      input.focus();
      return;
    }
    if (!inSettings) {
      window.location.assign(tabUrl());
    }
  });

  if (teams && teams.app && window.parent !== window) {
    teams.app.initialize().then(function () {
      return teams.app.getContext();
    }).then(function (context) {
      if (context.page && context.page.frameContext === 'settings') {
        inSettings = true;
        teams.pages.config.registerOnSaveHandler(function (saveEvent) {
          var url = tabUrl();
          teams.pages.config.setConfig({
            entityId: 'vagvisaren-overview',
            contentUrl: url,
            websiteUrl: url,
            suggestedDisplayName: form.getAttribute('data-tab-name')
          }).then(function () {
            saveEvent.notifySuccess();
          }).catch(function (reason) {
            saveEvent.notifyFailure(String(reason));
          });
        });
        check();
      }
    }).catch(function () {
      // outside Teams: the form opens the tab page directly
    });
  }
})();
