using FhirTrials.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FhirTrials.Server.Tests.Infrastructure;

/// <summary>Marks test classes that run against PostgreSQL: their store facts are skipped, with the reason, when no server is configured.</summary>
public interface IPostgresTests;

/// <summary>A fact of a store-agnostic test base class: run for every concrete class, skipped with a reason for PostgreSQL classes without a server.</summary>
[XunitTestCaseDiscoverer("FhirTrials.Server.Tests.Infrastructure.StoreFactDiscoverer", "FhirTrials.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="StoreFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("FhirTrials.Server.Tests.Infrastructure.StoreTheoryDiscoverer", "FhirTrials.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

internal static class StoreSkip
{
    public static bool ShouldSkip(ITestMethod method) =>
        typeof(IPostgresTests).IsAssignableFrom(method.TestClass.Class.ToRuntimeType()) && !PostgresDatabase.Available;
}

public sealed class StoreFactDiscoverer : FactDiscoverer
{
    private readonly IMessageSink _sink;

    public StoreFactDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink) => _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.ShouldSkip(testMethod)
            ? [new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresDatabase.SkipReason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StoreTheoryDiscoverer : TheoryDiscoverer
{
    private readonly IMessageSink _sink;

    public StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink) => _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        StoreSkip.ShouldSkip(testMethod)
            ? [new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresDatabase.SkipReason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
