using System.Reflection;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Execution;

namespace DiffMigrate.Design.Commands;

internal sealed partial class Project
{
    /// <summary>
    /// The safety lint over the upgrades of existing revisions in <paramref name="range"/> (<c>start:end</c>, default
    /// <c>base:heads</c>), without a database. Findings a revision accepts with <c>[AcceptLint]</c> are listed as
    /// accepted and do not count. Returns 1 when a finding at or above <paramref name="failOn"/> remains, else 0.
    /// </summary>
    public int Lint(string? range, LintSeverity? failOn)
    {
        var (start, end) = OfflineScript.SplitRange(range ?? "heads");
        var graph = Revisions.Graph;
        var steps = graph.PlanUpgrade(start is null or "base" ? [] : graph.Resolve(start, []), end);
        var migrations = Revisions.Load(steps.Select(s => s.Revision.Id).ToList());
        var provider = DatabaseProviders.For(Url.Dialect);
        var counted = 0;
        foreach (var step in steps)
        {
            var migration = migrations[step.Revision.Id];
            var accepted = migration.GetType().GetCustomAttributes<AcceptLintAttribute>().ToList();
            foreach (var finding in provider.Lint(DiffMigrate.Runner.Execution.Migrator.Record(migration, step)))
            {
                var acceptance = accepted.FirstOrDefault(a => a.Code == finding.Code && (a.Table is null || a.Table == finding.Table?.ToString()));
                output.WriteLine($"{step.Revision.Id} ({Path.GetFileName(step.Revision.Path) ?? step.Revision.Message}): {finding}" +
                    (acceptance is null ? "" : $" [accepted{(acceptance.Reason is { } reason ? ": " + reason : "")}]"));
                if (acceptance is null && failOn is { } threshold && finding.Severity >= threshold) counted++;
            }
        }
        if (failOn is { } level)
        {
            log(counted == 0
                ? $"No finding at {level.ToString().ToLowerInvariant()} or above in {steps.Count} revisions."
                : $"{counted} finding(s) at {level.ToString().ToLowerInvariant()} or above: accept one on purpose with [AcceptLint(\"<code>\", Reason = \"...\")] on the revision class.");
        }
        return counted > 0 ? 1 : 0;
    }
}
