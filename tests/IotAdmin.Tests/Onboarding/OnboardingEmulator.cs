using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Sessions;
using IotAdmin.Tests.Integration;

namespace IotAdmin.Tests.Onboarding
{
    /// <summary>The emulator's claim inventory and counters (GET /_emulator/inventory), and raw reads through a session.</summary>
    internal static class OnboardingEmulator
    {
        private static readonly HttpClient Control = new HttpClient();
        private static readonly JsonTypeInfo<JsonElement> Json = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

        public static async Task<Inventory> InventoryAsync(Integration.Emulator emulator) =>
            new Inventory(JsonDocument.Parse(await Control.GetStringAsync(new Uri(emulator.Server.BaseAddress, "_emulator/inventory"))).RootElement.Clone());

        /// <summary>A GET under the session's API root (or another root), answered as JSON.</summary>
        public static Task<JsonElement> GetAsync(IotSession session, string path, Uri? root = null) =>
            session.Api.SendAsync(new ApiRequest(HttpMethod.Get, path) { Root = root }, Json, ApiCallContext.Silent(), CancellationToken.None);

        internal sealed class Inventory
        {
            private readonly JsonElement _root;

            public Inventory(JsonElement root) => _root = root;

            public IReadOnlyList<(string KitId, IReadOnlyList<string> DeviceIds)> Kits => _root.GetProperty("kits").EnumerateArray()
                .Select(k => (k.GetProperty("kitId").GetString()!, (IReadOnlyList<string>)k.GetProperty("deviceIds").EnumerateArray().Select(d => d.GetString()!).ToList())).ToList();

            public IReadOnlyList<(string DeviceId, bool IsClaimed)> Loose => _root.GetProperty("devices").EnumerateArray()
                .Select(d => (d.GetProperty("deviceId").GetString()!, d.GetProperty("isClaimed").GetBoolean())).ToList();

            public int ClaimCalls => _root.GetProperty("claimCalls").GetInt32();

            public int DryRuns => _root.GetProperty("dryRuns").GetInt32();

            public int Claimed => _root.GetProperty("claimed").GetInt32();
        }
    }
}
