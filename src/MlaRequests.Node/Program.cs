using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddNode();

var app = builder.Build();
await app.Services.MigrateNodeDatabaseAsync();
app.MapNode();
await app.RunAsync();

/// <summary>The node host (public for the API tests' <c>WebApplicationFactory</c>).</summary>
public partial class Program;
