-- The history of the school lists imported (issue 14): each import meant to be written, applied or refused for its
-- problems, with who, when and its counts.

-- CreateEnum
CREATE TYPE "ListKind" AS ENUM ('STUDENTS', 'GUARDIANS', 'STAFF');

-- CreateTable
CREATE TABLE "ListImport" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "kind" "ListKind" NOT NULL,
    "importedByStaffId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied" BOOLEAN NOT NULL,
    "added" INTEGER NOT NULL,
    "changed" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "problems" JSONB NOT NULL,

    CONSTRAINT "ListImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListImport_organisationId_createdAt_idx" ON "ListImport"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ListImport" ADD CONSTRAINT "ListImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListImport" ADD CONSTRAINT "ListImport_importedByStaffId_fkey" FOREIGN KEY ("importedByStaffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
