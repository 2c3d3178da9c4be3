using FhirTrials.Cli;

return await FhirTrialsApp.RunAsync(args).ConfigureAwait(false);
