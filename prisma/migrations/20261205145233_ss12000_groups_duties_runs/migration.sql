-- SS 12000: the import reads groups, duties and subjects (syllabuses), reports its progress while it runs (outside its
-- transaction) and can run nightly; the export offers syllabuses, so a subject gets meta.modified like the rest.

-- AlterEnum
ALTER TYPE "ApiScope" ADD VALUE 'SYLLABUSES';

-- AlterEnum
ALTER TYPE "Ss12000LinkKind" ADD VALUE 'GROUP';
ALTER TYPE "Ss12000LinkKind" ADD VALUE 'DUTY';
ALTER TYPE "Ss12000LinkKind" ADD VALUE 'SUBJECT';
ALTER TYPE "Ss12000LinkKind" ADD VALUE 'LESSON';

-- AlterEnum
ALTER TYPE "Ss12000RunOutcome" ADD VALUE 'RUNNING';
ALTER TYPE "Ss12000RunOutcome" ADD VALUE 'FAILED';

-- DropForeignKey
ALTER TABLE "Ss12000ImportRun" DROP CONSTRAINT "Ss12000ImportRun_startedById_fkey";

-- AlterTable
ALTER TABLE "Ss12000ImportRun" ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "changesSince" TIMESTAMPTZ(3),
ADD COLUMN     "progress" JSONB,
ALTER COLUMN "startedById" DROP NOT NULL,
ALTER COLUMN "finishedAt" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Ss12000Source" ADD COLUMN     "nightlyRun" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AddForeignKey
ALTER TABLE "Ss12000ImportRun" ADD CONSTRAINT "Ss12000ImportRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Subject's meta.modified, kept like the other exported tables'
CREATE TRIGGER ss12000_modified BEFORE UPDATE ON "Subject" FOR EACH ROW EXECUTE FUNCTION ss12000_touch_row();
