// The banner's styles, inside its closed shadow root. `:host` declarations marked !important win
// over anything the page says about the host element, even the page's own !important rules, so
// the page cannot hide, shrink or move the banner with CSS.
export const BANNER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset-block-start: 0 !important;
  inset-inline: 0 !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  pointer-events: auto !important;
}
.banner {
  box-sizing: border-box;
  margin: 8px;
  padding: 12px 16px;
  border-inline-start: 6px solid #92400e;
  border-radius: 6px;
  background: #fffbeb;
  color: #1f2937;
  box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
  font: 15px/1.45 system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif;
  text-align: start;
}
h2 { margin: 0 0 4px; font-size: 16px; color: #92400e; }
p { margin: 0 0 4px; }
ul { margin: 0 0 8px; padding-inline-start: 20px; }
button {
  font: inherit;
  min-block-size: 36px;
  padding: 4px 14px;
  border: 1px solid #92400e;
  border-radius: 4px;
  background: #ffffff;
  color: #1f2937;
  cursor: pointer;
}
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
`;
