using System.Collections.Generic;
using System.IO;
using System.Text;

namespace IotAdmin.Tests.Workflow
{
    /// <summary>Reads a CSV file as Import-Csv does (RFC 4180 quoting, first line the header): rows of column → cell.</summary>
    internal static class CsvText
    {
        public static List<Dictionary<string, string>> Read(string path)
        {
            var records = Records(File.ReadAllText(path, Encoding.UTF8)).GetEnumerator();
            var rows = new List<Dictionary<string, string>>();
            if (!records.MoveNext()) return rows;
            var header = records.Current;
            while (records.MoveNext())
            {
                var row = new Dictionary<string, string>();
                for (var i = 0; i < header.Count; i++) row[header[i]] = i < records.Current.Count ? records.Current[i] : string.Empty;
                rows.Add(row);
            }

            return rows;
        }

        private static IEnumerable<List<string>> Records(string text)
        {
            var record = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    record.Add(cell.ToString());
                    cell.Clear();
                    yield return record;
                    record = new List<string>();
                }
                else if (c != '\uFEFF') cell.Append(c);
            }

            if (cell.Length > 0 || record.Count > 0)
            {
                record.Add(cell.ToString());
                yield return record;
            }
        }
    }
}
