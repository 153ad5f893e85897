// A print button for pages a person may want on paper (Mijn gegevens): the button inside <thuis-print> shows only when
// this script runs, and prints the page; the print style leaves the menu and the buttons off the paper.
customElements.define('thuis-print', class extends HTMLElement {
    connectedCallback() {
        const button = this.querySelector('button');
        if (button) {
            button.hidden = false;
            button.addEventListener('click', () => window.print());
        }
    }
});
