namespace FhirTrials.Eligibility.Tests.Support;

/// <summary>Locates the repository (the folder holding FhirTrials.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string CtgovV2 => Path.Combine(Fixtures, "ctgov-v2");

    /// <summary>Annotations the rules were developed against.</summary>
    public static string Annotations => Path.Combine(Root, "tests", "FhirTrials.Eligibility.Tests", "Evaluation", "Annotations");

    /// <summary>Annotations written after the first rules; their errors guided a second round of rules.</summary>
    public static string HeldOutAnnotations => Path.Combine(Root, "tests", "FhirTrials.Eligibility.Tests", "Evaluation", "HeldOut");

    /// <summary>Randomly drawn records annotated after the second round; their errors guided a third round.</summary>
    public static string SecondHeldOutAnnotations => Path.Combine(Root, "tests", "FhirTrials.Eligibility.Tests", "Evaluation", "HeldOut2");

    /// <summary>Randomly drawn records annotated after the third round and never used to change the parser.</summary>
    public static string ThirdHeldOutAnnotations => Path.Combine(Root, "tests", "FhirTrials.Eligibility.Tests", "Evaluation", "HeldOut3");

    public static string CodeSystem => Path.Combine(Root, "profiles", "CodeSystem-fhirtrials-eligibility.json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FhirTrials.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FhirTrials.sln not found above " + AppContext.BaseDirectory);
    }
}
