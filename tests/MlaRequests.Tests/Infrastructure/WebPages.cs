using System.Net;
using System.Text.RegularExpressions;
using MlaRequests.Tests.Api;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>The web UI as a signed-in browser without JavaScript sees it: pages in a language, and step forms posted.</summary>
public static partial class WebPages
{
    public static Task<HttpClient> SignInAsync(ApiNode api, string user) => SignInAsync(api.Node, user);

    public static async Task<HttpClient> SignInAsync(NodeFactory node, string user)
    {
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login");
        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = Token(form),
        }));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>The page at <paramref name="path"/> in <paramref name="language"/>, HTML-decoded; it must answer 200.</summary>
    public static async Task<string> GetAsync(HttpClient client, string path, string language) =>
        (await GetAsync(client, path, language, HttpStatusCode.OK)).Body;

    /// <summary>The page at <paramref name="path"/> with its status, which must be <paramref name="expected"/>.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string language, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        return (response.StatusCode, WebUtility.HtmlDecode(body));
    }

    /// <summary>Posts the incoming case's step form <paramref name="route"/> from <paramref name="page"/> with its one text field; returns where it led.</summary>
    public static async Task<string> PostStepAsync(HttpClient client, string page, Guid id, string route, string text)
    {
        var response = await client.PostAsync("/Steps", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Subject"] = "incoming", ["Form.Id"] = id.ToString(), ["Form.Route"] = route, ["Form.ReturnUrl"] = $"/Incoming/{id}",
            ["Form.Text"] = text, ["__RequestVerificationToken"] = Token(page),
        }));
        return $"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>The anti-forgery token of the form on <paramref name="page"/>, to post it as the browser would.</summary>
    public static string Token(string page) => TokenPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
