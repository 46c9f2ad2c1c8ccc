using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using IotAdmin.Models;
using IotAdmin.Sessions;

namespace IotAdmin.Journal
{
    /// <summary>
    /// A change journal being written: one JSON line per changed device (labels and project before and after, the
    /// time, the command, the account's key id and email — never a secret), appended and flushed as each batch
    /// succeeds, so a run stopped half-way still has the lines of what it did. Read back by <see cref="JournalReader"/>.
    /// </summary>
    internal sealed class ChangeJournal : IDisposable
    {
        private readonly StreamWriter _writer;
        private readonly IotSession _session;
        private readonly string _command;
        private readonly string _operation = Guid.NewGuid().ToString("N");

        private ChangeJournal(string path, IotSession session, string command)
        {
            Path = System.IO.Path.GetFullPath(path);
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
            _session = session;
            _command = command;
        }

        public string Path { get; }

        /// <summary>Lines written so far.</summary>
        public int Entries { get; private set; }

        /// <summary>Opens (appends to) <paramref name="path"/>; null <paramref name="path"/> means a new file in the per-user journal folder.</summary>
        public static ChangeJournal Open(string? path, IotSession session, string command) =>
            new ChangeJournal(path ?? JournalFolder.NewJournalPath(command, session.Time.GetUtcNow()), session, command);

        public void Record(IotDevice before, IotDevice after)
        {
            using (var buffer = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteString(JournalFields.Time, _session.Time.GetUtcNow().UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString(JournalFields.Operation, _operation);
                    json.WriteString(JournalFields.Command, _command);
                    json.WriteString(JournalFields.KeyId, _session.KeyId);
                    json.WriteString(JournalFields.Email, _session.Email);
                    json.WriteString(JournalFields.DeviceId, before.DeviceId);
                    json.WriteString(JournalFields.ProjectBefore, before.ProjectId);
                    json.WriteString(JournalFields.ProjectAfter, after.ProjectId);
                    WriteLabels(json, JournalFields.LabelsBefore, before.Labels);
                    WriteLabels(json, JournalFields.LabelsAfter, after.Labels);
                    json.WriteEndObject();
                }

                _writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            _writer.Flush();
            Entries++;
        }

        public void Dispose() => _writer.Dispose();

        private static void WriteLabels(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> labels)
        {
            json.WriteStartObject(name);
            foreach (var l in System.Linq.Enumerable.OrderBy(labels, l => l.Key, StringComparer.Ordinal)) json.WriteString(l.Key, l.Value);
            json.WriteEndObject();
        }
    }
}
