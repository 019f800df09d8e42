namespace MlaRequests.Node.Hosting;

/// <summary>
/// <c>MlaRequests.Node probe URL</c>: exits 0 when <c>GET URL</c> answers 2xx within five seconds, 1 otherwise.
/// The container's health check (runtime images carry no curl).
/// </summary>
public static class NodeProbe
{
    /// <summary>Probes <paramref name="url"/> once.</summary>
    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {exception.Message}");
            return 1;
        }
    }
}
