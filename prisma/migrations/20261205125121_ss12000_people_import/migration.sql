-- CreateEnum
CREATE TYPE "Ss12000LinkKind" AS ENUM ('SCHOOL', 'STUDENT', 'GUARDIAN', 'STAFF');

-- CreateEnum
CREATE TYPE "Ss12000RunOutcome" AS ENUM ('DRY_RUN', 'APPLIED', 'REFUSED');

-- CreateTable
CREATE TABLE "Ss12000Link" (
    "organisationId" UUID NOT NULL,
    "kind" "Ss12000LinkKind" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "insynId" UUID NOT NULL,

    CONSTRAINT "Ss12000Link_pkey" PRIMARY KEY ("organisationId","kind","sourceId")
);

-- CreateTable
CREATE TABLE "Ss12000ImportRun" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "startedById" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "Ss12000RunOutcome" NOT NULL,
    "counts" JSONB NOT NULL,
    "problems" JSONB NOT NULL,

    CONSTRAINT "Ss12000ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ss12000Link_organisationId_kind_insynId_key" ON "Ss12000Link"("organisationId", "kind", "insynId");

-- CreateIndex
CREATE INDEX "Ss12000ImportRun_organisationId_startedAt_idx" ON "Ss12000ImportRun"("organisationId", "startedAt");

-- AddForeignKey
ALTER TABLE "Ss12000Link" ADD CONSTRAINT "Ss12000Link_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ss12000ImportRun" ADD CONSTRAINT "Ss12000ImportRun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ss12000ImportRun" ADD CONSTRAINT "Ss12000ImportRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
