// Events as a user's own would arrive (`isTrusted`), which test libraries cannot dispatch: the
// pages ignore scripted events, so tests mark theirs the way the browser marks a real one.
export function dispatchAsUser(element: Element, event: Event): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

export function clickAsUser(element: Element): void {
  dispatchAsUser(element, new MouseEvent('click', { bubbles: true, cancelable: true }));
}

/** Picks a radio button or ticks a checkbox: the change a user's click fires. */
export function checkAsUser(input: HTMLInputElement): void {
  input.checked = true;
  dispatchAsUser(input, new Event('change', { bubbles: true }));
}

export function submitAsUser(form: HTMLFormElement): void {
  dispatchAsUser(form, new Event('submit', { bubbles: true, cancelable: true }));
}
