"use client";

import {
  CheckCircle2Icon,
  KeyRoundIcon,
  Loader2Icon,
  PlugZapIcon,
  SparklesIcon,
  TrashIcon,
  XCircleIcon,
} from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Switch } from "@/components/settings/switch";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AiSettingsView, ProviderId } from "@/lib/ai/models/schemas";
import type { ErrorPayload } from "@/lib/errors";
import { requestJson } from "@/lib/hooks/fetch-json";
import { cn } from "@/lib/utils";

type Providers = Record<
  ProviderId,
  { name: string; defaultModel: string; needsKey: boolean; needsBaseURL: boolean }
>;

type TestResult =
  | { ok: true; latencyMs: number; reply: string }
  | { ok: false; latencyMs: number; message: string };

interface AiSettingsFormProps {
  initial: AiSettingsView;
  providers: Providers;
  /** Owners and admins may change the model; everyone may test it. */
  canEdit: boolean;
}

const API = "/api/workspace/ai-settings";

const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`);

/** The workspace's model: provider, model, base URL, key, auto-fix; save and test the connection. */
export function AiSettingsForm({ initial, providers, canEdit }: AiSettingsFormProps) {
  const router = useRouter();
  const id = useId();
  const [saved, setSaved] = useState(initial);
  const [provider, setProvider] = useState<ProviderId>(initial.provider);
  const [model, setModel] = useState(initial.model);
  const [baseURL, setBaseURL] = useState(initial.baseURL ?? "");
  const [apiKey, setApiKey] = useState("");
  const [autoFix, setAutoFix] = useState(initial.autoFix);
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestResult | { ok: false; latencyMs: null; message: string } | null>(null);

  const info = providers[provider];
  const isDesigner = provider === "designer";
  const sameProvider = provider === saved.provider;
  const dirty =
    provider !== saved.provider ||
    model.trim() !== saved.model ||
    (info.needsBaseURL && baseURL.trim() !== (saved.baseURL ?? "")) ||
    apiKey.trim() !== "" ||
    autoFix !== saved.autoFix;

  function chooseProvider(next: ProviderId) {
    setProvider(next);
    // Each provider has its own model names: start from its default (or the saved one).
    setModel(next === saved.provider ? saved.model : providers[next].defaultModel);
    setBaseURL(next === saved.provider ? (saved.baseURL ?? "") : "");
    setApiKey("");
    setTest(null);
    setError(null);
  }

  async function put(body: Record<string, unknown>) {
    const result = await requestJson<{ settings: AiSettingsView }>(API, {
      method: "PUT",
      body,
      what: "Saving the model settings",
    });
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    setSaved(result.data.settings);
    router.refresh();
    return result.data.settings;
  }

  async function save() {
    setSaving(true);
    const settings = await put({
      provider,
      model: model.trim(),
      ...(info.needsBaseURL ? { baseURL: baseURL.trim() } : {}),
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      autoFix,
    });
    setSaving(false);
    if (settings) {
      setApiKey("");
      toast.success("Model settings saved", {
        description: `Chats now answer with ${providers[settings.provider].name}.`,
      });
    }
  }

  async function removeKey() {
    setRemoving(true);
    // Deletes the saved key only; the rest stays as saved (not as edited in the form).
    const settings = await put({
      provider: saved.provider,
      model: saved.model,
      ...(saved.baseURL ? { baseURL: saved.baseURL } : {}),
      apiKey: null,
      autoFix: saved.autoFix,
    });
    setRemoving(false);
    if (settings) toast.success("The saved key was removed");
  }

  async function testConnection() {
    setTesting(true);
    setTest(null);
    const result = await requestJson<TestResult>(`${API}/test`, {
      method: "POST",
      body: {
        provider,
        model: model.trim() || undefined,
        ...(info.needsBaseURL && baseURL.trim() ? { baseURL: baseURL.trim() } : {}),
        ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      },
      what: "Testing the connection",
    });
    setTesting(false);
    setTest(
      result.ok
        ? result.data
        : {
            ok: false,
            latencyMs: null,
            message: `${result.error.message}${result.error.requestId ? ` (request ${result.error.requestId})` : ""}`,
          },
    );
  }

  const keyStatus = !sameProvider
    ? {
        tone: "muted" as const,
        text: info.needsKey
          ? `Enter a key for ${info.name}, or leave this empty to use one saved earlier or the server's.`
          : "A key is optional for this provider.",
      }
    : saved.hasWorkspaceKey
      ? {
          tone: "ok" as const,
          text: "A key is saved for this workspace (encrypted; it is never shown again).",
        }
      : saved.hasEnvironmentKey
        ? { tone: "ok" as const, text: "Using the server's key. A key you save here takes precedence." }
        : info.needsKey
          ? { tone: "warn" as const, text: "No key — add one, or chats with this provider will fail." }
          : { tone: "muted" as const, text: "No key (optional for this provider)." };

  const fieldInvalid = (field: string) => error?.field === field || undefined;

  return (
    <Card className="gap-5">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <SparklesIcon className="size-4 text-primary" aria-hidden />
          AI model
        </CardTitle>
        <CardDescription>
          The model that answers in the chat of every project in this workspace.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          id={`${id}-form`}
          className="grid gap-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (canEdit && dirty && !saving) void save();
          }}
        >
          {!canEdit && (
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-muted-foreground">
              Only workspace owners and admins can change the model. You can still test the connection.
            </p>
          )}
          <fieldset disabled={!canEdit} className="grid gap-5 disabled:opacity-90">
            <div className="grid gap-2">
              <Label htmlFor={`${id}-provider`}>Provider</Label>
              <div className="relative">
                <select
                  id={`${id}-provider`}
                  data-testid="settings-provider"
                  value={provider}
                  onChange={(e) => chooseProvider(e.target.value as ProviderId)}
                  className="h-9 w-full appearance-none rounded-md border border-input bg-transparent py-1 pr-9 pl-3 text-sm shadow-xs outline-none transition-[color,box-shadow] focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-input/30 [&>option]:bg-popover [&>option]:text-popover-foreground"
                >
                  {(Object.keys(providers) as ProviderId[]).map((p) => (
                    <option key={p} value={p}>
                      {providers[p].name}
                    </option>
                  ))}
                </select>
                <svg
                  aria-hidden
                  viewBox="0 0 16 16"
                  className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground opacity-60"
                >
                  <path
                    d="M4 6l4 4 4-4"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.5"
                    strokeLinecap="round"
                  />
                </svg>
              </div>
              {isDesigner && (
                <p className="text-muted-foreground" data-testid="settings-designer-note">
                  A rule-based designer that works offline: no key, no network, instant answers — it edits
                  texts, colours, fonts, sections and drafts a first page from a description.
                </p>
              )}
            </div>

            <div className="grid gap-2">
              <Label htmlFor={`${id}-model`}>Model</Label>
              <Input
                id={`${id}-model`}
                data-testid="settings-model"
                value={model}
                onChange={(e) => setModel(e.target.value)}
                placeholder={info.defaultModel}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={fieldInvalid("model")}
                className="font-mono"
              />
              <p className="text-xs text-muted-foreground">
                Default for this provider: <span className="font-mono">{info.defaultModel}</span>
              </p>
            </div>

            {info.needsBaseURL && (
              <div className="grid gap-2">
                <Label htmlFor={`${id}-base-url`}>Base URL</Label>
                <Input
                  id={`${id}-base-url`}
                  data-testid="settings-base-url"
                  type="url"
                  value={baseURL}
                  onChange={(e) => setBaseURL(e.target.value)}
                  placeholder="http://127.0.0.1:11434/v1"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={fieldInvalid("baseURL")}
                  className="font-mono"
                />
                <p className="text-xs text-muted-foreground">
                  The server's OpenAI-compatible endpoint: Ollama, vLLM, llama.cpp or LM Studio.
                </p>
              </div>
            )}

            {!isDesigner && (
              <div className="grid gap-2">
                <Label htmlFor={`${id}-api-key`}>API key</Label>
                <Input
                  id={`${id}-api-key`}
                  data-testid="settings-api-key"
                  type="password"
                  value={apiKey}
                  onChange={(e) => setApiKey(e.target.value)}
                  placeholder={
                    sameProvider && saved.hasWorkspaceKey ? "•••••••• saved — type to replace" : "Paste a key"
                  }
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={fieldInvalid("apiKey")}
                  aria-describedby={`${id}-key-status`}
                />
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p
                    id={`${id}-key-status`}
                    data-testid="settings-key-status"
                    className={cn(
                      "flex items-center gap-1.5 text-xs",
                      keyStatus.tone === "ok" && "text-emerald-700 dark:text-emerald-400",
                      keyStatus.tone === "warn" && "text-amber-700 dark:text-amber-400",
                      keyStatus.tone === "muted" && "text-muted-foreground",
                    )}
                  >
                    <KeyRoundIcon className="size-3.5 shrink-0" aria-hidden />
                    {keyStatus.text}
                  </p>
                  {sameProvider && saved.hasWorkspaceKey && (
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      className="h-7 text-xs text-destructive hover:text-destructive"
                      onClick={removeKey}
                      disabled={removing}
                      data-testid="settings-remove-key"
                    >
                      {removing ? (
                        <Loader2Icon className="animate-spin" aria-hidden />
                      ) : (
                        <TrashIcon aria-hidden />
                      )}
                      Remove saved key
                    </Button>
                  )}
                </div>
              </div>
            )}

            <div className="flex items-start justify-between gap-4 rounded-lg border p-3">
              <div className="grid gap-1">
                <Label htmlFor={`${id}-autofix`}>Fix refused changes automatically</Label>
                <p className="text-xs text-muted-foreground">
                  When some of a turn's changes are refused, ask the model once, on its own, to correct just
                  those.
                </p>
              </div>
              <Switch
                id={`${id}-autofix`}
                data-testid="settings-autofix"
                checked={autoFix}
                onCheckedChange={setAutoFix}
              />
            </div>
          </fieldset>

          {error && (
            <div
              role="alert"
              className="grid gap-0.5 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2"
            >
              <p className="font-medium text-destructive">{error.message}</p>
              {error.requestId && (
                <p className="text-xs text-muted-foreground">
                  Request id: <span className="font-mono select-all">{error.requestId}</span>
                </p>
              )}
            </div>
          )}
        </form>
      </CardContent>
      <CardFooter className="flex-wrap gap-2 border-t pt-5">
        <Button
          type="submit"
          form={`${id}-form`}
          data-testid="settings-save"
          disabled={!canEdit || !dirty || saving}
        >
          {saving && <Loader2Icon className="animate-spin" aria-hidden />}
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button
          type="button"
          variant="outline"
          data-testid="settings-test"
          onClick={testConnection}
          disabled={testing}
        >
          {testing ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlugZapIcon aria-hidden />}
          {testing ? "Testing…" : "Test connection"}
        </Button>
        {dirty && canEdit && <span className="text-xs text-muted-foreground">Unsaved changes</span>}
        <div aria-live="polite" className="basis-full empty:hidden">
          {test && (
            <p
              data-testid="settings-test-result"
              data-ok={test.ok}
              className={cn(
                "flex items-start gap-1.5 rounded-md px-3 py-2 text-sm",
                test.ok
                  ? "bg-emerald-500/10 text-emerald-800 dark:text-emerald-300"
                  : "bg-destructive/10 text-destructive",
              )}
            >
              {test.ok ? (
                <CheckCircle2Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
              ) : (
                <XCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
              )}
              <span className="break-words">
                {test.ok
                  ? `Connected in ${formatMs(test.latencyMs)}. The model replied: “${test.reply.trim() || "(empty)"}”`
                  : `Could not connect${test.latencyMs !== null ? ` (after ${formatMs(test.latencyMs)})` : ""}: ${test.message}`}
              </span>
            </p>
          )}
        </div>
      </CardFooter>
    </Card>
  );
}
