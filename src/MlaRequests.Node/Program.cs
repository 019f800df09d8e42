using Microsoft.Extensions.Options;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;

switch (args)
{
    case ["keygen", .. var keygen]:
        return MlaRequests.Node.Delivery.KeyGen.Run(keygen);
    case ["probe", var url, ..]:
        return await NodeProbe.RunAsync(url);
}

var builder = WebApplication.CreateBuilder(NodeContentRoot.Options(args));
try
{
    builder.AddNode();
}
catch (NodeConfigurationException exception)
{
    await Console.Error.WriteLineAsync($"The node cannot start: invalid configuration. {exception.Message}");
    return 2;
}

var app = builder.Build();
await app.Services.MigrateNodeDatabaseAsync();
PrivateFiles.Prepare(app.Services.GetRequiredService<IOptions<NodeOptions>>().Value);
if (app.Configuration.GetValue("Demo:SeedAccounts", app.Environment.IsDevelopment()))
    await DemoAccounts.SeedAsync(app.Services, app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Code);
app.MapNode();
await app.RunAsync();
return 0;

/// <summary>The node host (public for the API tests' <c>WebApplicationFactory</c>).</summary>
public partial class Program;
