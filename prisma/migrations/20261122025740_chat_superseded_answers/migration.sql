-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "supersededAt" TIMESTAMPTZ(3),
ADD COLUMN     "supersededById" TEXT;

-- CreateIndex
CREATE INDEX "ChatMessage_supersededById_idx" ON "ChatMessage"("supersededById");

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "ChatMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
