package io.xxgk.contract.procurement;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectNumbersTest {

    @Test
    void labelledNumbersInTitlesAndBodiesAsRealNoticesWriteThem() {
        assertEquals(Optional.of("HNJG-2021-018"), ProjectNumbers.extract("湖南信息职业技术学院实训室设备采购项目招标公告",
                "一、项目基本情况\n项目编号：HNJG-2021-018\n项目名称：实训室设备采购"));
        assertEquals(Optional.of("XYKJ2024-CG-07"), ProjectNumbers.extract("2024年水电耗材采购项目成交结果公告（招标编号为 XYKJ2024-CG-07）", null));
        assertEquals(Optional.of("HBZC-2024-0153"), ProjectNumbers.extract("学生服务中心理发室租赁经营项目中标结果公告",
                "采购项目编号: HBZC-2024-0153；采购项目名称：学生服务中心理发室租赁经营"));
        assertEquals(Optional.of("ZZSZ-2022/FW.03"), ProjectNumbers.extract("物业服务采购公告（项目编号：ZZSZ-2022/FW.03）", "正文"));
    }

    @Test
    void fullWidthFormsAndCaseAreOneProject() {
        assertEquals(Optional.of("HNJG-2021-018"), ProjectNumbers.extract("实训室设备采购中标结果公告", "项目编号：ｈｎｊｇ－２０２１－０１８。"));
        assertEquals(Optional.of("HNJG-2021-018"), ProjectNumbers.normalise(" hnjg-2021-018 "));
    }

    @Test
    void theTitleIsReadBeforeTheBody() {
        assertEquals(Optional.of("A-2021-1"), ProjectNumbers.extract("采购公告 项目编号:A-2021-1", "项目编号：B-2021-2"));
    }

    @Test
    void whatIsNotANumberIsNone() {
        assertEquals(Optional.empty(), ProjectNumbers.extract("2024年水电耗材采购招标公告", "项目编号：详见附件"));
        assertEquals(Optional.empty(), ProjectNumbers.extract("采购公告", "项目编号：NONE")); // no digit
        assertEquals(Optional.empty(), ProjectNumbers.extract("采购公告", "编号 2021-01")); // no label
        assertEquals(Optional.empty(), ProjectNumbers.extract(null, null));
        assertEquals(Optional.empty(), ProjectNumbers.normalise("HN JG-2021"));
        assertEquals(Optional.empty(), ProjectNumbers.normalise("A".repeat(64) + "1"));
        assertEquals(Optional.empty(), ProjectNumbers.normalise("-2021-"));
    }
}
