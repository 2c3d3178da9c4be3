using System.Data.Common;
using System.Globalization;
using System.Text;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>
/// Builds one SQL statement and its parameters. Values only ever enter the SQL text as parameter
/// names (<c>@p0</c>, <c>@p1</c>…): nothing a client sends is concatenated into SQL.
/// </summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text = new(256);
    private readonly List<object?> _values = [];
    private int _aliases;

    public string Text => _text.ToString();

    public int ParameterCount => _values.Count;

    public SqlBuilder Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    public SqlBuilder Append(char c)
    {
        _text.Append(c);
        return this;
    }

    /// <summary>Adds a parameter and returns its name for the SQL text. NUL in text becomes U+FFFD (PostgreSQL text cannot hold it).</summary>
    public string Param(object? value)
    {
        if (value is string text && text.Contains('\0', StringComparison.Ordinal))
        {
            value = text.Replace('\0', '\uFFFD');
        }

        var name = "@p" + _values.Count.ToString(CultureInfo.InvariantCulture);
        _values.Add(value);
        return name;
    }

    /// <summary>Appends the parameter name of <paramref name="value"/>.</summary>
    public SqlBuilder AppendParam(object? value) => Append(Param(value));

    /// <summary>A fresh table alias (<c>t3</c>) for nested sub-queries.</summary>
    public string Alias(string prefix) => prefix + (_aliases++).ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends <c>(@a, @b, …)</c> for a list of values.</summary>
    public SqlBuilder AppendList<T>(IEnumerable<T> values)
    {
        _text.Append('(');
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                _text.Append(", ");
            }

            _text.Append(Param(value));
            first = false;
        }

        _text.Append(')');
        return this;
    }

    public DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Text;
        for (var i = 0; i < _values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = _values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public override string ToString() => Text;
}
