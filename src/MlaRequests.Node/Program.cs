using Microsoft.Extensions.Options;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;

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
