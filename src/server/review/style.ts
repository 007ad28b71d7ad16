// The review page's only style sheet, served from /review/style.css (the CSP allows no inline style).
export const REVIEW_CSS = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-inline-size: 60rem; padding: 1rem; color: #1a1a1a; }
header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
.group { border: 1px solid #999; border-radius: 6px; padding: 0.5rem 1rem; margin-block: 1rem; }
.count { font-weight: bold; padding-inline: 0.4rem; border: 1px solid #666; border-radius: 1rem; }
.kind { font-size: 0.9rem; font-weight: normal; }
.notice { border-inline-start: 4px solid #1f5fbf; padding-inline-start: 0.5rem; }
dt { font-weight: bold; }
dd { margin-inline-start: 1rem; overflow-wrap: anywhere; }
.notes li { white-space: pre-wrap; }
bdi { unicode-bidi: isolate; }
button, select, input { font: inherit; margin-inline-end: 0.5rem; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #1f5fbf; outline-offset: 2px; }
`;
