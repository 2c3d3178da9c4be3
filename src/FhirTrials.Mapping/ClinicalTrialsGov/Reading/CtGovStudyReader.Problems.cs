using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Where the reader is (a stack of property names and array positions) and the problems found so far.</summary>
internal sealed partial class CtGovStudyReader
{
    private const string NctIdPath = "protocolSection.identificationModule.nctId";

    private Segment[] _path = new Segment[16];
    private int _depth;
    private Step _step;
    private string? _nctId;
    private List<Problem>? _problems;

    private bool HasProblems => _problems is not null;

    private Scope Enter(CtFieldNames names) => new(names, _depth);

    /// <summary>
    /// Moves to the value of the next known property of the object being read (unknown ones are skipped) and
    /// makes it the current field; false at the end of the object.
    /// </summary>
    private bool Next(ref Utf8JsonReader reader, ref Scope scope, out int field)
    {
        _depth = scope.Mark;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            field = scope.Names.Find(ref reader);
            if (field < 0)
            {
                SkipValue(ref reader);
                continue;
            }

            Push(scope.Names[field], field);
            var bit = 1UL << field;
            if ((scope.Seen & bit) != 0)
            {
                ForgetCurrentField();
            }

            scope.Seen |= bit;
            reader.Read();
            return true;
        }

        field = -1;
        return false;
    }

    private void Push(string? name, int rank)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _depth * 2);
        }

        _path[_depth++] = new Segment(name, rank);
    }

    /// <summary>Reports a required field of the object in <paramref name="scope"/> that is absent, null or unreadable.</summary>
    private void Missing(ref Scope scope, int field, Step? step = null, string reason = "required field is missing")
    {
        _depth = scope.Mark;
        _step = step ?? _step;
        Push(scope.Names[field], field);
        Report(reason);
        _depth = scope.Mark;
    }

    /// <summary><paramref name="value"/> of a required text field, reported when absent ("" then stands in; the record is not used).</summary>
    private string Required(string? value, ref Scope scope, int field)
    {
        Require(value is not null, ref scope, field);
        return value ?? "";
    }

    private void Require(bool present, ref Scope scope, int field)
    {
        if (!present)
        {
            Missing(ref scope, field);
        }
    }

    private void Report(string reason, Exception? failure = null)
    {
        var rank = new int[Math.Max(1, _depth - 1)];
        rank[0] = (int)_step;
        for (var i = 2; i < _depth; i++)
        {
            rank[i - 1] = _path[i].Rank;
        }

        (_problems ??= []).Add(new Problem(rank, PathText(), reason, failure));
    }

    /// <summary>A repeated property replaces the earlier one: so do the problems found in it.</summary>
    private void ForgetCurrentField()
    {
        var path = PathText();
        _problems?.RemoveAll(problem => problem.Path.StartsWith(path, StringComparison.Ordinal)
            && (problem.Path.Length == path.Length || problem.Path[path.Length] is '.' or '['));
        if (_problems is { Count: 0 })
        {
            _problems = null;
        }
    }

    private string PathText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            _ = _path[i].Name is { } name
                ? text.Append(i == 0 ? "" : ".").Append(name)
                : text.Append(CultureInfo.InvariantCulture, $"[{_path[i].Rank}]");
        }

        return text.ToString();
    }

    /// <summary>The record, or the first problem in mapping order.</summary>
    private TrialRecord Finish(TrialRecord? record)
    {
        if (_problems is null)
        {
            return record!;
        }

        var first = _problems[0];
        foreach (var problem in _problems)
        {
            if (problem.Rank.AsSpan().SequenceCompareTo(first.Rank) < 0)
            {
                first = problem;
            }
        }

        // The NCT id is read for the message: when that fails, so does the message.
        var nctIdFailure = _problems.Find(problem => problem.Failure is not null && problem.Path == NctIdPath)?.Failure;
        if ((first.Failure ?? nctIdFailure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        throw new CtGovFieldException(first.Path, first.Reason, _nctId);
    }

    /// <summary>An object being read: where its fields go on the path, and which were seen.</summary>
    private struct Scope(CtFieldNames names, int mark)
    {
        public readonly CtFieldNames Names = names;
        public readonly int Mark = mark;
        public ulong Seen;
    }

    /// <summary>A property (name and field rank) or an array item (no name; rank = index) on the path.</summary>
    private readonly record struct Segment(string? Name, int Rank);

    private sealed record Problem(int[] Rank, string Path, string Reason, Exception? Failure);
}
