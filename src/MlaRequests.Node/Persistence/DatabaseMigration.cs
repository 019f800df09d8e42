using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Node.Persistence;

/// <summary>Applies pending EF Core migrations before the node accepts messages or requests, and puts the loaded calendar years in force.</summary>
public static class DatabaseMigration
{
    /// <summary>Creates the data directory if needed and migrates the node's database.</summary>
    public static async Task MigrateNodeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        var path = db.Database.GetDbConnection().DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        await db.Database.MigrateAsync(cancellationToken);
        // The calendar years an administrator loaded count from the start (issue 15).
        Features.Calendars.CalendarAdministration.Use(scope.ServiceProvider.GetRequiredService<Workflows.Calendars.CalendarSource>(),
            await Features.Calendars.CalendarAdministration.RowsAsync(db, cancellationToken));
    }
}
