using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IotAdmin.Tests.EmulatorEvents
{
    /// <summary>A data connector's receiver: Kestrel on 127.0.0.1 (free port) recording every push and answering the status a test chooses.</summary>
    public sealed class PushReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Channel<Push> _pushes = Channel.CreateUnbounded<Push>();
        private int _attempts;

        private PushReceiver(WebApplication app)
        {
            _app = app;
        }

        public string Url { get; private set; } = string.Empty;

        /// <summary>The status to answer the n-th attempt (1-based); 200 unless set.</summary>
        public Func<int, int> Status { get; set; } = _ => 200;

        public int Attempts => Volatile.Read(ref _attempts);

        public static async Task<PushReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new PushReceiver(app);
            app.Run(receiver.HandleAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = address + "/dt-events";
            return receiver;
        }

        /// <summary>The next push received (a hang guard, not a timing assertion).</summary>
        public async Task<Push> NextAsync()
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await _pushes.Reader.ReadAsync(guard.Token);
        }

        public bool TryNext(out Push push) => _pushes.Reader.TryRead(out push!);

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var attempt = Interlocked.Increment(ref _attempts);
            var status = Status(attempt);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            await _pushes.Writer.WriteAsync(new Push(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, buffer.ToArray(), status));
            context.Response.StatusCode = status;
        }

        public sealed record Push(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus);
    }
}
