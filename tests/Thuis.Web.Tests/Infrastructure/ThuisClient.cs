using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Thuis.Web.Features.Accounts;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, fills and posts the app's forms.</summary>
public sealed class ThuisClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly CookieContainer _cookies = new();

    public ThuisClient(ThuisAppFactory app)
        : this(app.BaseAddress)
    {
    }

    /// <summary>A client of Thuis at this address, e.g. the app running as its own process.</summary>
    public ThuisClient(Uri baseAddress)
    {
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = _cookies, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public HttpClient Http { get; }

    /// <summary>The cookies this client would send, as one Cookie header.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(Http.BaseAddress!);

    /// <summary>Sends exactly this Cookie header with every request, as someone who copied it would.</summary>
    public void UseCopiedCookies(string cookieHeader)
    {
        foreach (var pair in cookieHeader.Split("; "))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            _cookies.Add(Http.BaseAddress!, new Cookie(pair[..separator], pair[(separator + 1)..]));
        }
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Fetches the page, fills the named form (its hidden fields and antiforgery token included) and posts it.</summary>
    public async Task<Page> SubmitAsync(string url, string formName, IDictionary<string, string> fields) =>
        await PostFormAsync(await GetAsync(url), formName, fields);

    /// <summary>
    /// Posts a form of a page fetched earlier, as someone who left the page open a while would; to another address than
    /// the form's when <paramref name="to"/> is given, as someone who changed the address by hand would.
    /// </summary>
    public async Task<Page> PostFormAsync(Page page, string formName, IDictionary<string, string> fields, string? to = null)
    {
        var (action, values) = Fill(page, formName, fields);
        action = to ?? action;
        using var content = new FormUrlEncodedContent(values);
        using var response = await Http.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    /// <summary>
    /// Like <see cref="SubmitAsync"/>, but posts multipart/form-data with a file, as a browser uploads one;
    /// without a file the field is sent empty, as a browser does when none was chosen.
    /// </summary>
    public async Task<Page> SubmitFileAsync(string url, string formName, string fileField, Upload? file, IDictionary<string, string>? fields = null)
    {
        var (action, values) = Fill(await GetAsync(url), formName, fields ?? new Dictionary<string, string>());
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }
        var part = new ByteArrayContent(file?.Content ?? []);
        part.Headers.ContentType = new MediaTypeHeaderValue(file is null ? "application/octet-stream" : file.ContentType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{fileField}\"", FileName = $"\"{file?.FileName ?? ""}\"" };
        content.Add(part);
        using var response = await Http.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    /// <summary>The named form's action and its values: all its fields as shown (antiforgery token and handler included), overlaid with the given ones.</summary>
    private static (string Action, Dictionary<string, string> Values) Fill(Page page, string formName, IDictionary<string, string> fields)
    {
        var url = page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        var form = page.Form(formName);
        // What a browser would send as the page stands: every named field, ticked boxes only.
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file")
                    && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    values[input.Name!] = input.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values[select.Name!] = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : select.Options.Length > 0 ? select.Options[0].Value : "";
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name!] = area.Value;
                    break;
            }
        }
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return (action, values);
    }

    public Task<Page> SignInAsync(string email, string password = TestWorld.Password) =>
        SubmitAsync(AccountsSetup.SignInPath, "inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in and checks it worked, for tests about something else.</summary>
    public async Task SignInOrFailAsync(string email)
    {
        var page = await SignInAsync(email);
        Assert.True(page.Status == HttpStatusCode.Redirect && page.Location == "/",
            $"Inloggen als {email} mislukte: {page.Status} {page.Location} {page.Text}");
    }

    /// <summary>Presses "Uitloggen" in the header of the start page (for a newcomer: their own, <c>/mijn</c>).</summary>
    public async Task<Page> SubmitSignOutAsync(string from = "/")
    {
        var start = await GetAsync(from);
        var token = start.Document.QuerySelector($"form[action='{AccountsSetup.SignOutPath}'] input[name='__RequestVerificationToken']")
            ?.GetAttribute("value") ?? throw new InvalidOperationException("Geen uitlogknop op de startpagina.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await Http.PostAsync(AccountsSetup.SignOutPath, content);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => Http.Dispose();

    /// <summary>A file as a browser sends it: its name, its bytes and the type the browser guessed.</summary>
    public sealed record Upload(string FileName, byte[] Content, string ContentType = "text/csv");

    public sealed record Page(HttpStatusCode Status, string? Location, IHtmlDocument Document, HttpResponseMessage Response)
    {
        public string Text => Document.Body?.TextContent ?? "";

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            // Redirects within the app are compared as paths, whether the app wrote them absolute or relative.
            var location = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString;
            return new Page(response.StatusCode, location, Parser.ParseDocument(html), response);
        }

        public IHtmlFormElement Form(string formName) =>
            Document.Forms.FirstOrDefault(f => f.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == "_handler" && i.Value == formName))
            ?? throw new InvalidOperationException($"Formulier '{formName}' niet gevonden op de pagina ({Status}).");

        public string? ValueOf(string fieldName) =>
            Document.QuerySelector($"[name='{fieldName}']") is IHtmlInputElement input ? input.Value : null;
    }
}
