// Passkeys for Thuis: a form with a <thuis-passkey> element asks the phone or computer for a passkey (fingerprint,
// face or PIN) when its passkey button is pressed, then posts the answer in the form's hidden fields. Without this
// script, or in a browser without passkeys, the form posts empty fields and the page says so in the person's language.
const supported =
    typeof navigator.credentials !== 'undefined' &&
    typeof window.PublicKeyCredential !== 'undefined' &&
    typeof window.PublicKeyCredential.parseCreationOptionsFromJSON === 'function' &&
    typeof window.PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

async function options(url, form, signal) {
    // The form's own antiforgery token goes along, as with any post of the form.
    const body = new FormData();
    const token = form.querySelector('input[name="__RequestVerificationToken"]');
    if (token) {
        body.append(token.name, token.value);
    }
    const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', signal });
    if (!response.ok) {
        throw new Error(`status ${response.status}`);
    }
    return await response.json();
}

customElements.define('thuis-passkey', class extends HTMLElement {
    connectedCallback() {
        this.form = this.closest('form');
        this.form?.addEventListener('submit', event => {
            if (event.submitter?.name === 'passkey' && supported) {
                event.preventDefault();
                this.obtainAndSubmit(event.submitter);
            }
        });
    }

    disconnectedCallback() {
        this.abort?.abort();
    }

    async obtain(signal) {
        const json = await options(this.getAttribute('options'), this.form, signal);
        if (this.getAttribute('operation') === 'create') {
            return await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json), signal });
        }
        return await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json), signal });
    }

    async obtainAndSubmit(button) {
        this.abort?.abort();
        this.abort = new AbortController();
        const name = this.getAttribute('name');
        try {
            const credential = await this.obtain(this.abort.signal);
            this.form.elements[`${name}.CredentialJson`].value = JSON.stringify(credential);
        } catch (error) {
            if (error.name === 'AbortError') {
                return;
            }
            // Only a code leaves the browser; the page words it in the person's language.
            this.form.elements[`${name}.Error`].value = error.name === 'NotAllowedError' ? 'cancelled' : 'failed';
        }
        button.disabled = true;
        this.form.submit();
    }
});
