import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.FileOutputStream;
import java.math.BigInteger;

/**
 * Writes publish-service's default annual-report Word template (report-templates/default/report.docx). A school or a
 * province may instead save its own template from Word; it needs the same placeholders, each alone in its paragraph:
 * ${title} ${notice} ${body} ${school} ${dateLine}, and the style prototypes ${style:heading} ${style:subheading}
 * ${style:paragraph} ${style:caption} ${style:cell} ${style:header-cell} (their paragraph and first run's formatting
 * are copied to what is written; the prototypes are removed).
 * Run: java -cp "$(cat /tmp/report-poi-cp)" MakeDefaultDocxTemplate.java out.docx
 */
public class MakeDefaultDocxTemplate {

    public static void main(String[] args) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); FileOutputStream out = new FileOutputStream(args[0])) {
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            CTPageMar mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(1418));
            mar.setBottom(BigInteger.valueOf(1418));
            mar.setLeft(BigInteger.valueOf(1247));
            mar.setRight(BigInteger.valueOf(1247));

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(240);
            run(title, "${title}", "黑体", 18, true);

            XWPFParagraph notice = doc.createParagraph();
            notice.setSpacingAfter(200);
            XWPFRun n = run(notice, "${notice}", "宋体", 10, false);
            n.setItalic(true);
            n.setColor("7F6000");

            run(doc.createParagraph(), "${body}", "宋体", 12, false);

            XWPFParagraph school = doc.createParagraph();
            school.setAlignment(ParagraphAlignment.RIGHT);
            school.setSpacingBefore(360);
            run(school, "${school}", "宋体", 12, false);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, "${dateLine}", "宋体", 12, false);

            XWPFParagraph heading = doc.createParagraph();
            heading.setSpacingBefore(240);
            heading.setSpacingAfter(120);
            heading.setKeepNext(true);
            run(heading, "${style:heading}", "黑体", 14, true);

            XWPFParagraph sub = doc.createParagraph();
            sub.setIndentationFirstLine(480);
            sub.setSpacingBefore(120);
            sub.setKeepNext(true);
            run(sub, "${style:subheading}", "楷体", 12, true);

            XWPFParagraph para = doc.createParagraph();
            para.setIndentationFirstLine(480);
            para.setSpacingBetween(1.5);
            para.setAlignment(ParagraphAlignment.BOTH);
            run(para, "${style:paragraph}", "宋体", 12, false);

            XWPFParagraph caption = doc.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            caption.setSpacingBefore(120);
            caption.setKeepNext(true);
            run(caption, "${style:caption}", "黑体", 11, true);

            run(doc.createParagraph(), "${style:cell}", "宋体", 10, false);
            XWPFParagraph header = doc.createParagraph();
            header.setAlignment(ParagraphAlignment.CENTER);
            run(header, "${style:header-cell}", "黑体", 10, true);

            doc.write(out);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }
}
