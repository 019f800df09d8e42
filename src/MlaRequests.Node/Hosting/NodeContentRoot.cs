namespace MlaRequests.Node.Hosting;

/// <summary>
/// The node's content root is the directory of its assembly unless one is given (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>): ASP.NET Core takes the working directory otherwise, so a node started from elsewhere
/// (the region command starts it from the repository root) silently ran without its <c>appsettings.json</c>.
/// </summary>
public static class NodeContentRoot
{
    /// <summary>The options to build the node's host with.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        return new WebApplicationOptions { Args = args, ContentRootPath = string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : null };
    }
}
