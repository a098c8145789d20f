import '@testing-library/jest-dom/vitest';
import '../i18n';

// jsdom has <dialog> but not its methods: open and close it as a browser would.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.open = false;
};
