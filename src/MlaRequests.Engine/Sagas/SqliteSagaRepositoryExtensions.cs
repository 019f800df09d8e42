using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Engine.Sagas;

/// <summary>Registration of the SQLite saga repository.</summary>
public static class SqliteSagaRepositoryExtensions
{
    /// <summary>Stores this saga's instances in the node's SQLite database.</summary>
    public static ISagaRegistrationConfigurator<TSaga> SqliteRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return configurator.Repository(repository =>
        {
            repository.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>,
                SqliteSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterLoadSagaRepository<TSaga, SqliteSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterQuerySagaRepository<TSaga, SqliteSagaRepositoryContextFactory<TSaga>>();
        });
    }
}
