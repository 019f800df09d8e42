using Microsoft.Extensions.Options;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;

if (args is ["keygen", ..])
{
    var (privateKey, publicKey) = MlaRequests.Node.Delivery.NodeKeys.Generate();
    Console.WriteLine($"CrossBorder__SigningKey={privateKey}");
    Console.WriteLine($"PublicKey={publicKey}");
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddNode();

var app = builder.Build();
await app.Services.MigrateNodeDatabaseAsync();
if (app.Configuration.GetValue("Demo:SeedAccounts", app.Environment.IsDevelopment()))
    await DemoAccounts.SeedAsync(app.Services, app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Code);
app.MapNode();
await app.RunAsync();

/// <summary>The node host (public for the API tests' <c>WebApplicationFactory</c>).</summary>
public partial class Program;
