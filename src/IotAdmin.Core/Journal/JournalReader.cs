using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using IotAdmin.Operations.Changes;

namespace IotAdmin.Journal
{
    /// <summary>Reads journal files line by line (streaming); a line that is not a journal entry is an error naming the file and line.</summary>
    internal static class JournalReader
    {
        public static IEnumerable<JournalEntry> Read(string path)
        {
            using var reader = new StreamReader(path);
            var number = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                if (line.Trim().Length == 0) continue;
                yield return Parse(line, path, number);
            }
        }

        private static JournalEntry Parse(string line, string path, int number)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var e = doc.RootElement;
                return new JournalEntry(
                    DateTimeOffset.Parse(e.GetProperty(JournalFields.Time).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    e.GetProperty(JournalFields.Operation).GetString()!,
                    e.GetProperty(JournalFields.Command).GetString()!,
                    e.GetProperty(JournalFields.DeviceId).GetString()!,
                    new DeviceState(e.GetProperty(JournalFields.ProjectBefore).GetString()!, Labels(e.GetProperty(JournalFields.LabelsBefore))),
                    new DeviceState(e.GetProperty(JournalFields.ProjectAfter).GetString()!, Labels(e.GetProperty(JournalFields.LabelsAfter))));
            }
            catch (Exception x) when (x is JsonException || x is KeyNotFoundException || x is InvalidOperationException || x is FormatException || x is NullReferenceException)
            {
                throw new InvalidDataException("'" + path + "' line " + number + " is not a journal entry: " + x.Message, x);
            }
        }

        private static IEnumerable<KeyValuePair<string, string>> Labels(JsonElement labels) =>
            labels.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? string.Empty)).ToList();
    }
}
