using FhirTrials.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>Marks test classes that need PostgreSQL: their <see cref="StoreFactAttribute"/> tests are skipped, with the reason, without a server.</summary>
public interface IPostgresTests;

/// <summary>A fact of a store-agnostic base class: it runs for each concrete class; PostgreSQL classes without a server skip it with a reason.</summary>
[XunitTestCaseDiscoverer("FhirTrials.Sync.Tests.Infrastructure.StoreFactDiscoverer", "FhirTrials.Sync.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && !PostgresDatabase.Available
            ? [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresDatabase.SkipReason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
