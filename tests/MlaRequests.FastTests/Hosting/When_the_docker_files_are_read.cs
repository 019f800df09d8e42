using System.Text.RegularExpressions;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Messaging;
using MlaRequests.Node.Telemetry;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.FastTests.Hosting;

/// <summary>
/// No Docker daemon runs here, so the container files are checked by reading them: the compose region stays the
/// region command's (same five nodes, ports and trust), every setting it passes is one the node binds, and the
/// Dockerfile restores every project the node is built from.
/// </summary>
public sealed partial class When_the_docker_files_are_read
{
    static readonly string[] Codes = ["KZ", "KG", "TJ", "TM", "UZ"];
    static readonly string Compose = File.ReadAllText(Path.Combine(Repository.Root, "docker", "compose.yaml"));
    static readonly string Dockerfile = File.ReadAllText(Path.Combine(Repository.Root, "docker", "Dockerfile"));
    static readonly string RegionScript = File.ReadAllText(Path.Combine(Repository.Root, "scripts", "region.sh"));

    static readonly Dictionary<string, Type> Sections = new()
    {
        ["Node"] = typeof(NodeOptions), ["RabbitMq"] = typeof(RabbitMqOptions), ["CrossBorder"] = typeof(CrossBorderOptions),
        ["Telemetry"] = typeof(TelemetryOptions), ["Demo"] = typeof(DemoOptions), ["Outbox"] = typeof(OutboxOptions),
    };

    [Fact]
    public void The_compose_region_has_the_region_command_s_five_nodes_on_the_same_ports_each_trusting_all_five()
    {
        RegionScript.Should().Contain("codes=(KZ KG TJ TM UZ)").And.Contain("MLA_FIRST_PORT:-5101");
        for (var i = 0; i < Codes.Length; i++)
        {
            var service = Regex.Match(Compose, $@"\n  {Codes[i].ToLowerInvariant()}:\n(?<body>(    .*\n|\n)*)");
            service.Success.Should().BeTrue($"compose has a service for {Codes[i]}");
            service.Groups["body"].Value.Should().Contain($"Node__Code: {Codes[i]}")
                .And.Contain($"CrossBorder__SigningKey: ${{{Codes[i]}_SIGNING_KEY")
                .And.Contain($"CrossBorder__EncryptionKey: ${{{Codes[i]}_ENCRYPTION_KEY", "keys reach the node in the environment, never as arguments")
                .And.Contain($"127.0.0.1:{5101 + i}:8080", "the same port as scripts/region.sh gives it")
                .And.Contain($"{Codes[i].ToLowerInvariant()}-data:/data", "each node keeps its own database volume")
                .And.Contain($"RabbitMq__Username: mla-{Codes[i].ToLowerInvariant()}", "each node has its own broker account, as in scripts/region.sh")
                .And.Contain($"RabbitMq__VirtualHost: mla-{Codes[i].ToLowerInvariant()}", "each node's internal traffic has its own virtual host")
                .And.Contain($"RabbitMq__Password: ${{{Codes[i]}_BROKER_PASSWORD");
            Compose.Should().Contain($"CrossBorder__TrustedKeys__{Codes[i]}: ${{{Codes[i]}_PUBLIC_KEY");
        }
        Compose.Should().Contain("rabbitmq:3.10-management").And.Contain("Demo__SeedAccounts: \"true\"")
            .And.Contain("RabbitMq__BorderVirtualHost: mla-border").And.Contain("accounts.json").And.NotContain("RABBITMQ_DEFAULT_USER");
        RegionScript.Should().Contain("scripts/broker.sh accounts \"$broker_port\" mla ").And.Contain("--RabbitMq:VirtualHost=\"mla-$c\"")
            .And.Contain("--RabbitMq:BorderVirtualHost=mla-border").And.Contain("--RabbitMq:Username=\"mla-$c\"");
    }

    [Fact]
    public void Every_setting_the_compose_file_passes_is_one_the_node_binds()
    {
        var settings = SettingPattern().Matches(Compose).Select(m => (Section: m.Groups["section"].Value, Key: m.Groups["key"].Value)).Distinct().ToList();
        settings.Should().NotBeEmpty();
        foreach (var (section, key) in settings)
        {
            Sections.Should().ContainKey(section, $"{section}__{key} is a setting of the node");
            Sections[section].GetProperty(key).Should().NotBeNull($"{section}:{key} is bound by {Sections[section].Name}");
        }
    }

    [Fact]
    public void The_Dockerfile_is_multi_stage_non_root_checks_readiness_and_restores_every_project()
    {
        Regex.Matches(Dockerfile, @"^FROM ", RegexOptions.Multiline).Should().HaveCount(2);
        Dockerfile.Should().Contain("USER $APP_UID").And.Contain("HEALTHCHECK").And.Contain("\"probe\", \"http://127.0.0.1:8080/health/ready\"");
        var projects = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "workflows"), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'));
        foreach (var project in projects)
            Dockerfile.Should().Contain($"COPY {project} ", "the restore layer needs every project file");
    }

    [GeneratedRegex(@"^\s+(?<section>[A-Za-z]+)__(?<key>[A-Za-z]+)(__[A-Za-z]+)?:", RegexOptions.Multiline)]
    private static partial Regex SettingPattern();
}
