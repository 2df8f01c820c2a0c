-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "disableImmediate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "maxAttempts" INTEGER NOT NULL DEFAULT 4;

-- AlterTable
ALTER TABLE "JobStep" ADD COLUMN     "op" TEXT NOT NULL DEFAULT 'StepRun',
ADD COLUMN     "seq" INTEGER,
ADD COLUMN     "waitEvent" TEXT,
ADD COLUMN     "waitIf" TEXT,
ADD COLUMN     "wakeAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "JobRun_concurrencyKey_status_idx" ON "JobRun"("concurrencyKey", "status");

-- CreateIndex
CREATE INDEX "JobRun_eventId_idx" ON "JobRun"("eventId");

-- CreateIndex
CREATE INDEX "JobStep_waitEvent_status_idx" ON "JobStep"("waitEvent", "status");
