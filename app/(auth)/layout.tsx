import Link from "next/link";
import { ProductMark } from "@/components/shell/product-mark";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center bg-surface px-4 py-12">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-[radial-gradient(60%_100%_at_50%_0%,color-mix(in_oklch,var(--primary)_12%,transparent),transparent)]"
      />
      <Link
        href="/"
        className="relative mb-8 rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        aria-label="Pagecraft Studio home"
      >
        <ProductMark className="text-base" />
      </Link>
      <main className="relative w-full max-w-sm">{children}</main>
    </div>
  );
}
