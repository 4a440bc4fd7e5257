// Overview tab inside Teams: follows the Teams theme (light, dark, high contrast). Outside Teams, or when the
// Teams JavaScript library is missing, nothing happens and the theme from ?theme= (drawn by the server) stays.
(function () {
  'use strict';
  var root = document.documentElement;
  function apply(theme) {
    root.setAttribute('data-theme', theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light');
  }
  var teams = window.microsoftTeams;
  if (!teams || !teams.app || window.parent === window) {
    return;
  }
  teams.app.initialize().then(function () {
    return teams.app.getContext();
  }).then(function (context) {
    apply(context.app.theme);
    teams.app.registerOnThemeChangeHandler(apply);
  }).catch(function () {
    // not hosted by Teams after all: keep the server-side theme
  });
})();
